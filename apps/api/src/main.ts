import 'reflect-metadata';
import { AppModule } from './app.module';
import { serve } from './serve';

serve(AppModule);
